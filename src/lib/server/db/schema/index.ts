export * from './enums.js';
export * from './sites.js';
export * from './staff.js';
export * from './tickets.js';
export * from './services.js';
export * from './records.js';
export * from './installation.js';
export * from './clocks.js';
