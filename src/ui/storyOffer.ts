import { rememberedFlag } from './remembered';

/** Whether this machine has declined the first view's story offer (remembered, like the basemap choice). */
const declined = rememberedFlag('frontline-claims:story-offer-declined:v1');

export const storyOfferDeclined = declined.isSet;
export const rememberStoryOfferDeclined = declined.set;
