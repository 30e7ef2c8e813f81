package io.natprobe.stun;

import java.util.List;
import java.util.Optional;

/**
 * A decoded or to-be-encoded STUN message. Immutable. The attribute list is in wire order and holds
 * neither MESSAGE-INTEGRITY(-SHA256) nor FINGERPRINT when built for encoding: the encoder adds those
 * from {@link Credentials}. A decoded message keeps every attribute it carried, those included.
 */
public record StunMessage(MessageType type, TransactionId transactionId, List<Attribute> attributes) {

    public StunMessage {
        if (type == null || transactionId == null) {
            throw new IllegalArgumentException("type and transaction id are required");
        }
        attributes = List.copyOf(attributes);
    }

    public static StunMessage of(MessageType type, TransactionId id, Attribute... attributes) {
        return new StunMessage(type, id, List.of(attributes));
    }

    /** A Binding request with a fresh random transaction id. */
    public static StunMessage bindingRequest(Attribute... attributes) {
        return of(MessageType.BINDING_REQUEST, TransactionId.random(), attributes);
    }

    /** True for a classic RFC 3489 message (no magic cookie, 128-bit transaction id). */
    public boolean isClassic() {
        return transactionId.isClassic();
    }

    public StunMethod method() {
        return type.method();
    }

    public StunClass stunClass() {
        return type.stunClass();
    }

    /** The first attribute of the given record class, if present. */
    public <A extends Attribute> Optional<A> get(Class<A> kind) {
        for (Attribute a : attributes) {
            if (kind.isInstance(a)) {
                return Optional.of(kind.cast(a));
            }
        }
        return Optional.empty();
    }

    /** The first attribute with the given type code, if present. */
    public Optional<Attribute> get(AttributeType type) {
        for (Attribute a : attributes) {
            if (a.type().equals(type)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public boolean has(Class<? extends Attribute> kind) {
        return get(kind).isPresent();
    }

    /** A copy with one more attribute appended. */
    public StunMessage with(Attribute attribute) {
        var list = new java.util.ArrayList<Attribute>(attributes.size() + 1);
        list.addAll(attributes);
        list.add(attribute);
        return new StunMessage(type, transactionId, list);
    }
}
