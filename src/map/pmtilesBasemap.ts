/**
 * A basemap from a local .pmtiles file: the `pmtiles` protocol reads the File in place (FileSource,
 * no upload, no request) and `@protomaps/basemaps` builds the layers. The style has no `glyphs` and no
 * `sprite`, so nothing is fetched: labels are drawn with local fonts and POI icons are left out.
 */
import { layers, namedFlavor } from '@protomaps/basemaps';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import { FileSource, PMTiles, Protocol } from 'pmtiles';

let protocol: Protocol | undefined;

const PROTOMAPS_ATTRIBUTION =
  '<a href="https://protomaps.com">Protomaps</a> © <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors (ODbL)';

export async function pmtilesStyle(file: File): Promise<StyleSpecification> {
  if (!protocol) {
    protocol = new Protocol();
    maplibregl.addProtocol('pmtiles', protocol.tile);
  }
  const archive = new PMTiles(new FileSource(file));
  // Reading the header checks the file is a PMTiles archive before the map is switched to it.
  const header = await archive.getHeader();
  protocol.add(archive);
  return {
    version: 8,
    sources: {
      protomaps: {
        type: 'vector',
        url: `pmtiles://${file.name}`,
        attribution: PROTOMAPS_ATTRIBUTION,
        maxzoom: header.maxZoom,
      },
    },
    layers: layers('protomaps', namedFlavor('light'), { lang: 'en' }) as LayerSpecification[],
  };
}
