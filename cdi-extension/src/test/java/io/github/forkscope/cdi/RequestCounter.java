package io.github.forkscope.cdi;

import jakarta.enterprise.context.RequestScoped;

@RequestScoped
public class RequestCounter {
    private int value;

    public void increment() {
        value++;
    }

    public int value() {
        return value;
    }
}
