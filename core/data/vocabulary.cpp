#include "vocabulary.h"

#include "utf8.h"

#include <algorithm>

namespace lstm {

std::optional<Vocabulary> Vocabulary::create(std::vector<char32_t> symbols, std::string *error) {
  Vocabulary vocabulary;
  vocabulary.m_ids.reserve(symbols.size());
  for (std::size_t id = 0; id < symbols.size(); ++id) {
    const char32_t c = symbols[id];
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
      if (error)
        *error = "vocabulary entry " + std::to_string(id) + " is not a Unicode character (" + describeCodePoint(c) + ")";
      return std::nullopt;
    }
    if (!vocabulary.m_ids.emplace(c, int(id)).second) {
      if (error)
        *error = "vocabulary entry " + std::to_string(id) + ", " + describeCodePoint(c) + ", appears twice";
      return std::nullopt;
    }
  }
  vocabulary.m_symbols = std::move(symbols);
  return vocabulary;
}

Vocabulary Vocabulary::fromText(std::u32string_view text) {
  std::vector<char32_t> symbols(text.begin(), text.end());
  std::sort(symbols.begin(), symbols.end());
  symbols.erase(std::unique(symbols.begin(), symbols.end()), symbols.end());
  return *create(std::move(symbols));
}

int Vocabulary::idOf(char32_t symbol) const {
  const auto it = m_ids.find(symbol);
  return it == m_ids.end() ? -1 : it->second;
}

} // namespace lstm
