package io.rustydb.storage.file;

import io.rustydb.storage.page.PageHeader;
import java.nio.ByteBuffer;

/**
 * Encryption at rest, page by page: the SPI through which a higher layer (rustydb-security: AES-256-GCM) encrypts
 * data pages. Storage ships only {@link #IDENTITY}, the default. {@link FileDiskManager} applies the cipher to every
 * data page it writes and reads; page 0 (the file header) is never encrypted; in-memory databases are not.
 *
 * <p>The page handed to {@link #encrypt}/{@link #decrypt} is a buffer of exactly one page, index 0 = page start
 * (absolute accessors; position and limit are irrelevant and may be changed). Layout contract:
 * <pre>
 *  [0, 4)           checksum     stamped by the disk manager after encryption, over the ciphertext: do not touch
 *  [4, 32)          header       plaintext, must be authenticated (associated data), never changed
 *  [32, 32 + o)     cipher area  o = {@link #overhead()} &lt;= 32: nonce, tag, ... written by encrypt, read by decrypt
 *  [32 + o, 64)     reserve      zero
 *  [64, pageSize)   content      encrypted in place
 * </pre>
 * The page number is associated data too, so a page copied to another position fails authentication.
 * Implementations must be thread-safe: pages are written and read by many threads at once.
 */
public interface PageCipher {
    /** No encryption. */
    PageCipher IDENTITY = new PageCipher() {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public int overhead() {
            return 0;
        }

        @Override
        public void encrypt(int pageNo, ByteBuffer page) {
        }

        @Override
        public boolean decrypt(int pageNo, ByteBuffer page) {
            return true;
        }
    };

    /** First byte of the cipher area. */
    int CIPHER_AREA_OFFSET = PageHeader.CIPHER_RESERVE_OFFSET;
    /** The most bytes a cipher may use in the page's cipher reserve. */
    int MAX_OVERHEAD = PageHeader.CIPHER_RESERVE_LENGTH;
    /** Associated data: bytes [4, 32) of the header (everything but the checksum and the cipher reserve). */
    int AAD_FROM = PageHeader.CHECKSUM_OFFSET + 4;
    /** End (exclusive) of the associated header bytes. */
    int AAD_TO = PageHeader.CIPHER_RESERVE_OFFSET;

    /** A short identifier, e.g. "AES-256-GCM"; for messages. */
    String name();

    /** Bytes of the cipher reserve this cipher uses, 0..{@link #MAX_OVERHEAD}. */
    int overhead();

    /** Encrypts the content of {@code page} (page number {@code pageNo}) in place, filling the cipher area. */
    void encrypt(int pageNo, ByteBuffer page);

    /**
     * Decrypts {@code page} in place.
     *
     * @return false if authentication fails (tampered, swapped or wrong key); the page content is then undefined
     */
    boolean decrypt(int pageNo, ByteBuffer page);

    /** True for {@link #IDENTITY}: pages are written as they are. */
    default boolean isIdentity() {
        return this == IDENTITY;
    }
}
