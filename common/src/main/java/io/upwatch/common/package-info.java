/**
 * The contract between Upwatch's roles: what a check task and a check result are, how they are
 * encoded on Redis Streams, and the names of those streams.
 */
package io.upwatch.common;
