import { Queue } from './queue';
import { Review } from './review';

export const pages = { queue: Queue, review: Review };
