/** The stories, checked at build time by scripts/lib/storiesPlugin.ts (vite.config.ts). */
declare module 'virtual:bundled-stories' {
  const stories: readonly import('../claims/story').Story[];
  export default stories;
}
