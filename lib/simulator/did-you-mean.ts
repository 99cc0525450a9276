/** The simulator's did-you-mean helpers are the library's shared ones. */
export { closestName, didYouMean } from '../_did-you-mean';
