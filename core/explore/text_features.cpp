#include "text_features.h"

#include "data/generators.h"

#include <QChar>
#include <QRegularExpression>

#include <algorithm>

namespace lstm {

namespace {

const char *const kIds[] = {"bracket-depth", "inside-quotes", "line-position", "since-space",
                            "punctuation",   "a-minus-b",     "regex"};

template <typename Int>
std::vector<double> toDoubles(const std::vector<Int> &values) {
  return std::vector<double>(values.begin(), values.end());
}

// Characters since the last separator; the separator itself is 0, and the text starts as if one preceded it.
template <typename IsSeparator>
std::vector<double> countSince(std::u32string_view text, IsSeparator isSeparator) {
  std::vector<double> values(text.size());
  double run = 0.0;
  for (std::size_t k = 0; k < text.size(); ++k) {
    run = isSeparator(text[k]) ? 0.0 : run + 1.0;
    values[k] = run;
  }
  return values;
}

std::vector<double> regexFeature(std::u32string_view text, const QString &pattern, Problem *problem) {
  const QRegularExpression re(pattern, QRegularExpression::UseUnicodePropertiesOption);
  if (!re.isValid()) {
    report(problem, Problem(ProblemCode::TextFeatureBadPattern)
                        .withField(pattern)
                        .at(0, re.patternErrorOffset() + 1)
                        .withValue(re.errorString()));
    return {};
  }
  // Build the UTF-16 text by hand so that every code point's offset is known (a value that is not a Unicode
  // scalar becomes one U+FFFD): codePointAt maps a UTF-16 offset back to the character index.
  QString utf16;
  utf16.reserve(qsizetype(text.size()));
  std::vector<int> codePointAt;
  codePointAt.reserve(text.size() + 1);
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char32_t c = text[k];
    if (c > 0xFFFF && c <= 0x10FFFF) {
      utf16 += QChar(QChar::highSurrogate(c));
      utf16 += QChar(QChar::lowSurrogate(c));
      codePointAt.push_back(int(k));
      codePointAt.push_back(int(k));
    } else {
      const bool scalar = c <= 0xFFFF && !QChar::isSurrogate(c);
      utf16 += QChar(scalar ? char16_t(c) : char16_t(QChar::ReplacementCharacter));
      codePointAt.push_back(int(k));
    }
  }
  codePointAt.push_back(int(text.size()));

  std::vector<double> values(text.size(), 0.0);
  auto matches = re.globalMatch(utf16);
  while (matches.hasNext()) {
    const QRegularExpressionMatch match = matches.next();
    const qsizetype begin = match.capturedStart(), end = match.capturedEnd();
    if (begin < 0 || end <= begin)
      continue;
    const int first = codePointAt[std::size_t(begin)];
    const int last = codePointAt[std::size_t(end - 1)];
    std::fill(values.begin() + first, values.begin() + last + 1, 1.0);
  }
  return values;
}

} // namespace

const char *featureId(TextFeature f) { return kIds[int(f)]; }

bool parseTextFeature(const QString &id, TextFeature &out) {
  for (TextFeature f : kTextFeatures)
    if (id == QLatin1String(featureId(f))) {
      out = f;
      return true;
    }
  return false;
}

std::vector<double> computeTextFeature(TextFeature f, std::u32string_view text, const QString &pattern,
                                       Problem *problem) {
  if (problem)
    *problem = {};
  switch (f) {
  case TextFeature::BracketDepth:
    return toDoubles(bracketDepth(text));
  case TextFeature::InsideQuotes:
    return toDoubles(insideQuotes(text));
  case TextFeature::LinePosition:
    return countSince(text, [](char32_t c) { return c == U'\n'; });
  case TextFeature::SinceSpace:
    return countSince(text, [](char32_t c) { return c == U' ' || c == U'\n'; });
  case TextFeature::Punctuation: {
    std::vector<double> values(text.size());
    std::transform(text.begin(), text.end(), values.begin(), [](char32_t c) { return QChar::isPunct(c) ? 1.0 : 0.0; });
    return values;
  }
  case TextFeature::AMinusB: {
    std::vector<double> values(text.size());
    double count = 0.0;
    for (std::size_t k = 0; k < text.size(); ++k) {
      count = text[k] == U'\n' ? 0.0 : count + double(text[k] == U'a') - double(text[k] == U'b');
      values[k] = count;
    }
    return values;
  }
  case TextFeature::Regex:
    return regexFeature(text, pattern, problem);
  }
  return {};
}

} // namespace lstm
