/**
 * The outbound policy shared by everything that connects to user-supplied addresses (checks and
 * notification webhooks): which resolved addresses may be reached, enforced at connect time.
 */
package io.upwatch.common.outbound;
