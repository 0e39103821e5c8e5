package dev.archforge.render;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * What a template may reach on the objects it is given: the public methods that archforge's own
 * view records and classes declare (their components, above all), and {@code toString}. Nothing of
 * {@code Object} ({@code getClass()}), of the JDK or of a library, no constructors, no fields: a
 * template overlay sees the view and nothing behind it.
 */
final class ViewAccessPolicy implements MemberAccessPolicy {
  private static final String OURS = "dev.archforge.";

  @Override
  public ClassMemberAccessPolicy forClass(Class<?> type) {
    return new ClassMemberAccessPolicy() {
      @Override
      public boolean isMethodExposed(Method method) {
        return method.getDeclaringClass().getName().startsWith(OURS) && Modifier.isPublic(method.getModifiers())
            && !Modifier.isStatic(method.getModifiers());
      }

      @Override
      public boolean isConstructorExposed(Constructor<?> constructor) {
        return false;
      }

      @Override
      public boolean isFieldExposed(Field field) {
        return false;
      }
    };
  }

  @Override
  public boolean isToStringAlwaysExposed() {
    return true;
  }
}
