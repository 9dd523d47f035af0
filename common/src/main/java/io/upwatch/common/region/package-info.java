/** Regions: which regions a deployment checks from, and how many must agree by default. */
package io.upwatch.common.region;
