import base from './playwright.config';

export default { ...base, testDir: 'scripts/screenshot', reporter: 'list' };
