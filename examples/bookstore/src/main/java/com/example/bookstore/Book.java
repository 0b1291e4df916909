package com.example.bookstore;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.math.RoundingMode;

@Entity
public class Book {
    private static final BigDecimal FLOOR_PRICE = new BigDecimal("1.00");

    @Id
    @GeneratedValue
    private Long id;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal price;
    private int stock;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Author author;
    @Version
    private int version;

    protected Book() {
    }

    public Book(String title, Author author, BigDecimal price, int stock) {
        this.title = title;
        this.author = author;
        this.price = price;
        this.stock = stock;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public int getStock() {
        return stock;
    }

    public Author getAuthor() {
        return author;
    }

    /** Lowers the price by the given percentage, never below the floor price. */
    public void markDown(int percent) {
        BigDecimal lowered = price.multiply(BigDecimal.valueOf(100 - percent))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        price = lowered.max(FLOOR_PRICE);
    }

    /** Takes copies out of stock for an order; refuses an order the stock cannot serve. */
    public void ship(int copies) {
        if (copies <= 0 || copies > stock) {
            throw new IllegalArgumentException("cannot ship " + copies + " of '" + title + "': " + stock + " in stock");
        }
        stock -= copies;
    }
}
