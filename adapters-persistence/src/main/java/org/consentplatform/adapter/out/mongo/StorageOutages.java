package org.consentplatform.adapter.out.mongo;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.consentplatform.application.port.StorageUnavailable;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Turns the driver's "cannot reach a primary" exceptions into the application's
 * {@link StorageUnavailable} at the port boundary, once for every adapter of this module.
 * Other driver exceptions (a duplicate key, say) are the adapters' own business and pass through.
 */
public final class StorageOutages {

    private StorageOutages() {
    }

    /** {@code adapter} seen through {@code port}, with outages translated. */
    public static <P> P guarded(Class<P> port, P adapter) {
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> port.getSimpleName() + " of " + adapter;
                };
            }
            try {
                return method.invoke(adapter, args);
            } catch (InvocationTargetException e) {
                throw translated(e.getCause());
            }
        });
        return port.cast(proxy);
    }

    static Throwable translated(Throwable e) {
        return isOutage(e) ? new StorageUnavailable(e) : e;
    }

    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }
}
