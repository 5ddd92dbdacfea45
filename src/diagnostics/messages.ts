/**
 * Every sentence the tool says to a user about a problem, gathered here by where the problem lies.
 * Each names the file and the place in it, so that a person can go straight there. Tests assert on
 * these functions' output.
 */
export * from './messages/definition.js';
export * from './messages/schema.js';
export * from './messages/data.js';
export * from './messages/templates.js';
export * from './messages/output.js';
export * from './messages/init.js';
