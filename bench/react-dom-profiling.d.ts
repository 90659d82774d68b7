/** react-dom's profiling build has the client's API (@types/react-dom does not declare the entry). */
declare module 'react-dom/profiling' {
  export { createRoot } from 'react-dom/client';
}
