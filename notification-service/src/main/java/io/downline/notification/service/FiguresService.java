package io.downline.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.notification.domain.LiveFigures;
import io.downline.notification.repository.FiguresRepository;

/** The analytics room's figures. */
@ApplicationScoped
public class FiguresService {

    private final FiguresRepository figures;

    public FiguresService(FiguresRepository figures) {
        this.figures = figures;
    }

    @Transactional
    public LiveFigures current() {
        return figures.read();
    }
}
