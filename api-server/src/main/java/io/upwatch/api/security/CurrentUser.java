package io.upwatch.api.security;

/**
 * The authenticated caller, taken from a verified token.
 *
 * @param id the user's id (the token's subject)
 * @param username the user's name
 */
public record CurrentUser(long id, String username) {}
