package dev.smartpot.mothership.web;

/** The body of every error answer: what is wrong and what to do about it. */
public record ApiError(String error, String fix) {
}
