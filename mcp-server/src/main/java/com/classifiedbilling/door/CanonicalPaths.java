package com.classifiedbilling.door;

import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;

/**
 * Which request paths are taken: only those the router and every check read the same, because
 * there is nothing to decode or normalise. A path with a percent-escape, a {@code ;} parameter, an
 * empty, {@code .} or {@code ..} segment, or a trailing {@code /} is refused; every route of the
 * application is written without them ({@code CanonicalPathsTests} checks each), so no route is
 * lost.
 */
final class CanonicalPaths {

    private CanonicalPaths() {}

    static boolean isCanonical(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return false;
        }
        if (rawPath.length() == 1) {
            return true;
        }
        if (rawPath.endsWith("/") || rawPath.indexOf('%') >= 0 || rawPath.indexOf(';') >= 0 || rawPath.contains("//")) {
            return false;
        }
        for (String segment : rawPath.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The door a refused path would have reached once decoded and normalised, so that the refusal
     * has that door's shape; {@code null} for none.
     */
    static Door intendedDoor(RequestPath path) {
        Deque<String> segments = new ArrayDeque<>();
        for (PathContainer.Element element : path.pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                String value = segment.valueToMatch();
                if (value.equals("..")) {
                    segments.pollLast();
                } else if (!value.isEmpty() && !value.equals(".")) {
                    segments.addLast(value);
                }
            }
        }
        return Door.at("/" + String.join("/", segments));
    }
}
