package io.rustydb.storage.buffer;

import java.util.Arrays;

/**
 * Intrusive doubly linked lists over frame ids, shared by the list-based replacers. A frame is in at most one list;
 * {@link #listOf} says which (or -1). O(1) insert, remove and move; no allocation after construction.
 */
final class FrameList {
    private final int[] prev;
    private final int[] next;
    private final int[] owner;
    private final int[] head;
    private final int[] tail;
    private final int[] size;

    FrameList(int capacity, int lists) {
        prev = new int[capacity];
        next = new int[capacity];
        owner = new int[capacity];
        Arrays.fill(owner, -1);
        head = new int[lists];
        tail = new int[lists];
        size = new int[lists];
        Arrays.fill(head, -1);
        Arrays.fill(tail, -1);
    }

    int listOf(int frame) {
        return owner[frame];
    }

    int size(int list) {
        return size[list];
    }

    /** The least recently added (oldest) frame of {@code list}, or -1. */
    int oldest(int list) {
        return head[list];
    }

    /** The frame after {@code frame} towards the newest end, or -1. */
    int newer(int frame) {
        return next[frame];
    }

    /** Appends {@code frame} at the newest end of {@code list}, removing it from its current list first. */
    void addNewest(int list, int frame) {
        if (owner[frame] >= 0) {
            remove(frame);
        }
        owner[frame] = list;
        prev[frame] = tail[list];
        next[frame] = -1;
        if (tail[list] >= 0) {
            next[tail[list]] = frame;
        } else {
            head[list] = frame;
        }
        tail[list] = frame;
        size[list]++;
    }

    void remove(int frame) {
        int list = owner[frame];
        if (list < 0) {
            return;
        }
        int p = prev[frame];
        int n = next[frame];
        if (p >= 0) {
            next[p] = n;
        } else {
            head[list] = n;
        }
        if (n >= 0) {
            prev[n] = p;
        } else {
            tail[list] = p;
        }
        owner[frame] = -1;
        size[list]--;
    }
}
