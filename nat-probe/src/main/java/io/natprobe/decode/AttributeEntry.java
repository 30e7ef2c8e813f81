package io.natprobe.decode;

import io.natprobe.stun.Attribute;
import java.util.Arrays;

/**
 * One attribute as it sits in the datagram: where it starts, its type code and value length, and the
 * decoded value ({@code attribute}), which is null when RFC 8489 §14.5 says to ignore it (it follows
 * MESSAGE-INTEGRITY and is neither MESSAGE-INTEGRITY-SHA256 nor FINGERPRINT).
 */
public record AttributeEntry(int offset, int typeCode, int length, Attribute attribute, byte[] value) {
    public AttributeEntry {
        value = value.clone();
    }

    public boolean ignored() {
        return attribute == null;
    }

    public boolean comprehensionRequired() {
        return (typeCode & 0x8000) == 0;
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeEntry e && e.offset == offset && e.typeCode == typeCode && e.length == length
                && java.util.Objects.equals(e.attribute, attribute) && Arrays.equals(e.value, value);
    }

    @Override
    public int hashCode() {
        return offset * 31 + typeCode;
    }
}
