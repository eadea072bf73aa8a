#include "vocabulary.h"

#include "utf8.h"

#include "common/problem.h"

#include <algorithm>

namespace lstm {

std::optional<Vocabulary> Vocabulary::create(std::vector<char32_t> symbols, Problem *problem) {
  Vocabulary vocabulary;
  vocabulary.m_ids.reserve(symbols.size());
  for (std::size_t id = 0; id < symbols.size(); ++id) {
    const char32_t c = symbols[id];
    const auto refuse = [&](ProblemCode code) {
      report(problem, Problem(code, {QString::fromStdString(describeCodePoint(c))}).withValue(QString::number(id)));
      return std::nullopt;
    };
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
      return refuse(ProblemCode::VocabularyNotCharacter);
    if (!vocabulary.m_ids.emplace(c, int(id)).second)
      return refuse(ProblemCode::VocabularyDuplicate);
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
