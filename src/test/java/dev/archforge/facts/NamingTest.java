package dev.archforge.facts;

import dev.archforge.facts.Naming;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "OrderLine, order-line",
      "orderLine, order-line",
      "Product, product",
      "HTTPServer, http-server",
      "productSKU, product-sku",
      "order_line, order-line",
      "Address2Line, address2-line",
      "already-kebab, already-kebab",
  })
  void kebab(String name, String expected) {
    assertThat(Naming.kebab(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"orderLine, order_line", "OrderLine, order_line", "fullName, full_name", "id, id",
      "createdAt, created_at", "XMLHttpRequest, xml_http_request"})
  void snake(String name, String expected) {
    assertThat(Naming.snake(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"OrderLine, orderLine", "order-line, orderLine", "order_line, orderLine", "Product, product",
      "fullName, fullName"})
  void lowerCamel(String name, String expected) {
    assertThat(Naming.lowerCamel(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"order-line, OrderLine", "orderLine, OrderLine", "product, Product"})
  void pascal(String name, String expected) {
    assertThat(Naming.pascal(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "Category, Categories",
      "Address, Addresses",
      "OrderLine, OrderLines",
      "Person, Persons",
      "Box, Boxes",
      "Status, Statuses",
      "Key, Keys",
      "Day, Days",
      "Church, Churches",
      "Dish, Dishes",
      "Quiz, Quizes",
      "StockItem, StockItems",
  })
  void plural(String name, String expected) {
    assertThat(Naming.plural(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"tags, tag", "categories, category", "addresses, address", "statuses, status", "houses, house",
      "boxes, box", "category, category", "address, address", "status, status", "items, item"})
  void singular(String name, String expected) {
    assertThat(Naming.singular(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"Category, categories", "Address, addresses", "OrderLine, order-lines", "Person, persons",
      "StockItem, stock-items"})
  void resourcePath(String entity, String expected) {
    assertThat(Naming.resourcePath(entity)).isEqualTo(expected);
  }

  @Test
  void idNames() {
    assertThat(Naming.idName("Product")).isEqualTo("productId");
    assertThat(Naming.idName("OrderLine")).isEqualTo("orderLineId");
    assertThat(Naming.idsName("tags")).isEqualTo("tagIds");
    assertThat(Naming.idsName("relatedCategories")).isEqualTo("relatedCategoryIds");
    assertThat(Naming.idsName("category")).isEqualTo("categoryIds");
  }

  @Test
  void prose() {
    assertThat(Naming.prose("OrderLine")).isEqualTo("order line");
    assertThat(Naming.words("")).isEmpty();
  }
}
