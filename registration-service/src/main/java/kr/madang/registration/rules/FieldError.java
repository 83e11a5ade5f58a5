package kr.madang.registration.rules;

/** One field at fault, named as the API spells it, and what is wrong with it. */
public record FieldError(String field, String message) {
}
