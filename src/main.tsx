import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadBundledDataset } from './data/bundled';
import { App } from './ui/App';
import { DataErrors } from './ui/DataErrors';
import './ui/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const dataset = loadBundledDataset();
createRoot(root).render(
  <StrictMode>{dataset.ok ? <App dataset={dataset.value} /> : <DataErrors errors={dataset.errors} />}</StrictMode>,
);
