import type { AgreementKey } from '../claims/agreement';
import type { Status } from '../claims/model';

/**
 * Agreement colours; each agreement also has its own marker shape, so colour is never the only cue. Their
 * names are interface strings (`agreement.*`, `status.*` in src/ui/locales).
 */
export const AGREEMENT_STYLE: Record<AgreementKey, { color: string; shape: string }> = {
  'agree-ukrainian': { color: '#1f5fbf', shape: 'circle' },
  'agree-russian': { color: '#c0392b', shape: 'square' },
  'agree-contested': { color: '#d98c00', shape: 'diamond' },
  disputed: { color: '#a3008f', shape: 'star' },
  'no-claim': { color: '#7a7a7a', shape: 'ring' },
};

export const STATUS_STYLE: Record<Status, { shape: string; color: string }> = {
  ukrainian: { shape: 'circle', color: '#1f5fbf' },
  russian: { shape: 'square', color: '#c0392b' },
  contested: { shape: 'diamond', color: '#d98c00' },
  none: { shape: 'ring', color: '#7a7a7a' },
};

export const AGREEMENT_KEYS = Object.keys(AGREEMENT_STYLE) as AgreementKey[];
export const STATUSES = Object.keys(STATUS_STYLE) as Status[];
