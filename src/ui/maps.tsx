/**
 * The map adapters of the panes on screen, for what needs a map but is not a pane: the picture, and
 * compare mode's shared view. Holds handles, not user state (that is all in the store).
 */
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { MapController } from '../map/MapController';
import type { MapSide } from './MapPane';
import { useApp } from './useApp';

interface MapRegistry {
  register: (side: MapSide, controller: MapController | null) => void;
  maps: Readonly<Record<MapSide, MapController | null>>;
}

const RegistryContext = createContext<MapRegistry | null>(null);

export function MapsProvider({ children }: { children: ReactNode }) {
  const [maps, setMaps] = useState<Record<MapSide, MapController | null>>({ 1: null, 2: null });
  const register = useMemo(
    () => (side: MapSide, controller: MapController | null) => setMaps((m) => ({ ...m, [side]: controller })),
    [],
  );
  const compare = useApp((s) => s.compare);
  // In compare mode pan and zoom move both maps.
  useEffect(() => (compare && maps[1] && maps[2] ? maps[1].syncViewWith(maps[2]) : undefined), [compare, maps]);
  const value = useMemo(() => ({ register, maps }), [register, maps]);
  return <RegistryContext.Provider value={value}>{children}</RegistryContext.Provider>;
}

export function useMapRegistry(): MapRegistry {
  const value = useContext(RegistryContext);
  if (!value) throw new Error('useMapRegistry needs a <MapsProvider> above it');
  return value;
}
