package dev.pyjit.frontend;

/**
 * The function a method call reached when the interpreter specialised the method's load: its code,
 * and its identity (the digest the runtime computes of a code object, {@code pyjit_code_identity}),
 * against which the runtime matches the function a compiled call actually reaches.
 */
public record Callee(CodeObject code, String identity) {}
