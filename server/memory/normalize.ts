// The memory's normalisation is shared with the desk, which groups repeated sources by it (SPEC 18.20).
export * from '../../shared/text/normalize.js';
