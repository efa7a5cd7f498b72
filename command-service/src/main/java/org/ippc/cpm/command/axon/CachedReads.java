package org.ippc.cpm.command.axon;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;

/**
 * This node's cache of programmes, which notes whether the command running on the current thread read a cached copy.
 * Another node may have appended to that programme since, so a command that decided on a cached copy and failed is
 * decided once more on the store's latest state ({@link CommandSender}); Axon drops the copies a failed command used.
 */
final class CachedReads implements Cache {

    private static final ThreadLocal<Boolean> USED = ThreadLocal.withInitial(() -> false);

    private final Cache cache = new WeakReferenceCache();

    static void forget() {
        USED.set(false);
    }

    static boolean used() {
        return USED.get();
    }

    @Override
    public <K, V> V get(K key) {
        V value = cache.get(key);
        if (value != null) {
            USED.set(true);
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        cache.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return cache.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return cache.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return cache.remove(key);
    }

    @Override
    public void removeAll() {
        cache.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cache.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return cache.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        cache.computeIfPresent(key, update);
    }
}
