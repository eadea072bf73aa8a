#pragma once
// Token id ↔ Unicode code point. Id = position in the symbol list.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lstm {

struct Problem;

class Vocabulary {
public:
  Vocabulary() = default;
  // Returns nullopt (and the problem) when a symbol repeats or is not a Unicode scalar value.
  static std::optional<Vocabulary> create(std::vector<char32_t> symbols, Problem *problem = nullptr);
  // Every distinct code point of `text`, in ascending code-point order (deterministic for any text).
  static Vocabulary fromText(std::u32string_view text);

  int size() const { return int(m_symbols.size()); }
  bool empty() const { return m_symbols.empty(); }
  char32_t symbol(int id) const { return m_symbols[std::size_t(id)]; }
  const std::vector<char32_t> &symbols() const { return m_symbols; }
  int idOf(char32_t symbol) const; // −1 when absent
  bool operator==(const Vocabulary &other) const { return m_symbols == other.m_symbols; }

private:
  std::vector<char32_t> m_symbols;
  std::unordered_map<char32_t, int> m_ids;
};

} // namespace lstm
