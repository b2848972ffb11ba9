package io.downline.platform.testapp;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The test application's one entity (a persistence unit needs one). */
@Entity
@Table(name = "widget")
public class Widget {

    @Id
    public UUID id;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;
}
