package com.example.bookstore;

import java.math.BigDecimal;

/** A book to add, as a client sends it: {@code {"title":"Dune","author":"Frank Herbert","price":9.99,"stock":3}}. */
public record NewBook(String title, String author, BigDecimal price, int stock) {
}
