import { v7 } from 'uuid';

/** Internal ids are UUIDv7: time-ordered, so indexes stay compact and rows sort by creation. */
export const newId = (): string => v7();
