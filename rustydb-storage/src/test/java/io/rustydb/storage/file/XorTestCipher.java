package io.rustydb.storage.file;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * A toy {@link PageCipher} for tests only (not encryption): XORs the content with a keystream derived from the key
 * and the page number, and keeps a 4-byte tag (a keyed CRC32 over page number, header bytes [4, 32) and plaintext)
 * in the cipher area, so tampering, swapped pages and wrong keys are detected like an AEAD would.
 */
public final class XorTestCipher implements PageCipher {
    private final long key;

    public XorTestCipher(long key) {
        this.key = key;
    }

    @Override
    public String name() {
        return "XOR-TEST";
    }

    @Override
    public int overhead() {
        return 4;
    }

    @Override
    public void encrypt(int pageNo, ByteBuffer page) {
        page.putInt(CIPHER_AREA_OFFSET, tag(pageNo, page));
        xor(pageNo, page);
    }

    @Override
    public boolean decrypt(int pageNo, ByteBuffer page) {
        xor(pageNo, page);
        return page.getInt(CIPHER_AREA_OFFSET) == tag(pageNo, page);
    }

    private void xor(int pageNo, ByteBuffer page) {
        long s = key ^ (pageNo * 0x9E3779B97F4A7C15L);
        for (int i = 64; i < page.capacity(); i += 8) {
            s ^= s << 13;
            s ^= s >>> 7;
            s ^= s << 17;
            page.putLong(i, page.getLong(i) ^ s);
        }
    }

    private int tag(int pageNo, ByteBuffer page) {
        CRC32 crc = new CRC32();
        ByteBuffer meta = ByteBuffer.allocate(12).putLong(key).putInt(pageNo);
        crc.update(meta.array());
        ByteBuffer v = page.duplicate();
        v.clear().position(AAD_FROM).limit(AAD_TO);
        crc.update(v);
        v.clear().position(64).limit(page.capacity());
        crc.update(v);
        return (int) crc.getValue();
    }
}
