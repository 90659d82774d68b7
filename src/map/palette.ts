import type { AgreementKey } from '../claims/agreement';
import type { Status } from '../claims/model';

/** Agreement colours; each agreement also has its own marker shape, so colour is never the only cue. */
export const AGREEMENT_STYLE: Record<AgreementKey, { color: string; label: string; shape: string }> = {
  'agree-ukrainian': { color: '#1f5fbf', label: 'Sources agree: Ukrainian control', shape: 'circle' },
  'agree-russian': { color: '#c0392b', label: 'Sources agree: Russian control', shape: 'square' },
  'agree-contested': { color: '#d98c00', label: 'Sources agree: contested', shape: 'diamond' },
  disputed: { color: '#a3008f', label: 'Disputed: sources disagree', shape: 'star' },
  'no-claim': { color: '#7a7a7a', label: 'No claim by the enabled sources', shape: 'ring' },
};

export const STATUS_STYLE: Record<Status, { label: string; shape: string; color: string }> = {
  ukrainian: { label: 'Ukrainian control', shape: 'circle', color: '#1f5fbf' },
  russian: { label: 'Russian control', shape: 'square', color: '#c0392b' },
  contested: { label: 'Contested', shape: 'diamond', color: '#d98c00' },
  none: { label: 'Statement without a position', shape: 'ring', color: '#7a7a7a' },
};

export const AGREEMENT_KEYS = Object.keys(AGREEMENT_STYLE) as AgreementKey[];
export const STATUSES = Object.keys(STATUS_STYLE) as Status[];
