package io.activationsuite.sandbox.braze;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The fields of one parsed JSON object, in insertion order, as a {@link java.util.LinkedHashMap} would hold them
 * (a replaced key keeps its place, a removed one closes the gap), but in two arrays: a request of 75 objects
 * of a few fields each then costs no entry object and no hash table per object. Lookups scan the keys (the
 * parser's field names are canonical instances, so identity or the cached hash decides); objects beyond
 * {@link #INDEXED_SIZE} fields also get a hash index, so large objects stay linear to build.
 */
final class FieldMap<V> extends AbstractMap<String, V> {

  static final int INDEXED_SIZE = 16;

  private String[] keys = new String[8];
  private Object[] values = new Object[8];
  private int size;
  /** Bit {@code hash & 31} of every key's hash: a lookup whose bit is clear misses without a scan. */
  private int hashBits;
  private HashMap<String, Integer> index;

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : (V) values[i];
  }

  @Override
  @SuppressWarnings("unchecked")
  public V put(String key, V value) {
    int i = indexOf(key);
    if (i >= 0) {
      V old = (V) values[i];
      values[i] = value;
      return old;
    }
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size] = value;
    size++;
    hashBits |= 1 << key.hashCode();
    if (index != null) {
      index.put(key, size - 1);
    } else if (size > INDEXED_SIZE) {
      reindex();
    }
    return null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V remove(Object key) {
    int i = indexOf(key);
    if (i < 0) {
      return null;
    }
    V old = (V) values[i];
    removeAt(i);
    return old;
  }

  @Override
  public void clear() {
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
    hashBits = 0;
    index = null;
  }

  /** Visits the fields in order without an entry object each (what {@code ObjectNode.forEachEntry} uses). */
  @Override
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<? super String, ? super V> action) {
    for (int i = 0; i < size; i++) {
      action.accept(keys[i], (V) values[i]);
    }
  }

  @Override
  public Set<Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, V>> iterator() {
        return new Entries();
      }
    };
  }

  private int indexOf(Object key) {
    if (index != null) {
      Integer i = index.get(key);
      return i == null ? -1 : i;
    }
    if (!(key instanceof String name)) {
      return -1;
    }
    int hash = name.hashCode();
    if ((hashBits & (1 << hash)) == 0) {
      return -1;
    }
    for (int i = 0; i < size; i++) {
      if (keys[i] == name || (keys[i].hashCode() == hash && keys[i].equals(name))) {
        return i;
      }
    }
    return -1;
  }

  private void removeAt(int i) {
    int tail = size - i - 1;
    System.arraycopy(keys, i + 1, keys, i, tail);
    System.arraycopy(values, i + 1, values, i, tail);
    size--;
    keys[size] = null;
    values[size] = null;
    hashBits = 0;
    for (int k = 0; k < size; k++) {
      hashBits |= 1 << keys[k].hashCode();
    }
    if (index != null) {
      reindex();
    }
  }

  private void reindex() {
    if (size <= INDEXED_SIZE) {
      index = null;
      return;
    }
    index = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      index.put(keys[i], i);
    }
  }

  /** Iterates in order; {@code remove} and {@code setValue} write through, as a map's entry set does. */
  private final class Entries implements Iterator<Entry<String, V>> {
    private int next;
    private int last = -1;

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public Entry<String, V> next() {
      if (next >= size) {
        throw new NoSuchElementException();
      }
      last = next++;
      return new Field(last);
    }

    @Override
    public void remove() {
      if (last < 0) {
        throw new IllegalStateException();
      }
      removeAt(last);
      next = last;
      last = -1;
    }
  }

  /** One field, read and written through to the arrays. */
  private final class Field implements Entry<String, V> {
    private final int at;

    Field(int at) {
      this.at = at;
    }

    @Override
    public String getKey() {
      return keys[at];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getValue() {
      return (V) values[at];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V setValue(V value) {
      V old = (V) values[at];
      values[at] = value;
      return old;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Entry<?, ?> entry && Objects.equals(getKey(), entry.getKey())
          && Objects.equals(getValue(), entry.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return getKey() + "=" + getValue();
    }
  }
}
