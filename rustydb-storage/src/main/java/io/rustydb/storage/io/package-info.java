/**
 * File I/O plumbing shared by the storage components: how channels are opened (replaceable for fault injection)
 * and how I/O failures become errors.
 */
package io.rustydb.storage.io;
