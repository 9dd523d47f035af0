package io.upwatch.api.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * One page of a listing.
 *
 * @param items the entries of this page
 * @param page the zero-based page number
 * @param size the requested page size
 * @param totalItems entries across all pages
 * @param totalPages number of pages
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

  /** Maps a Spring Data page with the given entry mapping. */
  public static <E, T> PageResponse<T> from(Page<E> page, Function<E, T> mapping) {
    return new PageResponse<>(
        page.getContent().stream().map(mapping).toList(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements(),
        page.getTotalPages());
  }
}
