package io.rustydb.it.jpa;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An author: identity id, unique name, external UUID, genre, creation time, optimistic-lock version. */
@Entity
@Table(name = "author", uniqueConstraints = @UniqueConstraint(name = "uk_author_name", columnNames = "name"))
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 80)
    private String name;

    @Column(nullable = false)
    private UUID externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Genre genre;

    @Column(nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private int version;

    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("title")
    private List<Book> books = new ArrayList<>();

    protected Author() {
    }

    public Author(String name, Genre genre, OffsetDateTime createdAt) {
        this.name = name;
        this.genre = genre;
        this.createdAt = createdAt;
        this.externalId = UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Adds {@code book} to this author's books and points it back here. */
    public Book write(Book book) {
        books.add(book);
        book.setAuthor(this);
        return book;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UUID getExternalId() {
        return externalId;
    }

    public Genre getGenre() {
        return genre;
    }

    public void setGenre(Genre genre) {
        this.genre = genre;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }

    public List<Book> getBooks() {
        return books;
    }
}
