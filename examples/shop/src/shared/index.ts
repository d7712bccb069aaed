/**
 * The shared kernel: small, stable building blocks every module may use. It depends on nothing.
 */
export * from './events';
export * from './ids';
export * from './money';
export * from './result';
