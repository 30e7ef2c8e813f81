package io.natprobe.rendezvous;

/** Which peer of a session: A registered first, B second. */
public enum Role {
    A,
    B;

    public Role other() {
        return this == A ? B : A;
    }
}
