#include "tape.h"

#include "sampler.h"
#include "stepper.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lstm {

QString symbolText(char32_t symbol) { return QString::fromUcs4(&symbol, 1); }

QString symbolLabel(char32_t symbol) {
  switch (symbol) {
  case U'\n': return QStringLiteral("↵");
  case U'\t': return QStringLiteral("⇥");
  case U' ': return QStringLiteral("␣");
  default: return symbolText(symbol);
  }
}

QString tokenText(const Vocabulary &vocabulary, std::int32_t token) {
  return token >= 0 && token < vocabulary.size() ? symbolText(vocabulary.symbol(token)) : QString();
}

QString tokenLabel(const Vocabulary &vocabulary, std::int32_t token) {
  return token >= 0 && token < vocabulary.size() ? symbolLabel(vocabulary.symbol(token)) : QString();
}

TextEncoding encodeText(const Vocabulary &vocabulary, const QString &text) {
  TextEncoding encoding;
  const std::u32string symbols = text.toStdU32String();
  encoding.tokens.reserve(symbols.size());
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    const int id = vocabulary.idOf(symbols[i]);
    if (id < 0) {
      encoding.unknown = UnknownSymbol{symbols[i], i};
      break;
    }
    encoding.tokens.push_back(id);
  }
  return encoding;
}

// ---- text

QString TextTape::entryText(int index) const {
  return index >= 0 && index < length() ? tokenText(m_vocabulary, token(index)) : QString();
}

QString TextTape::text() const {
  QString text;
  text.reserve(qsizetype(m_tokens.size()));
  for (std::int32_t token : m_tokens)
    text += tokenText(m_vocabulary, token);
  return text;
}

void TextTape::read(Stepper &stepper, int index) const { stepper.step(m_tokens[std::size_t(index)]); }

void TextTape::writeAt(Stepper &stepper, int index, std::int32_t token) {
  m_tokens.resize(std::size_t(index));
  m_tokens.push_back(token);
  markWrittenAt(index);
  stepper.step(token);
}

bool TextTape::write(Stepper &stepper, Sampler *sampler) {
  if (!sampler)
    return false;
  const int position = stepper.position();
  std::int32_t token;
  if (position == 0) {
    // Nothing predicted yet: start from the tape's first character, or a newline (the usual start of a text).
    if (!m_tokens.empty())
      token = m_tokens.front();
    else
      token = std::max(m_vocabulary.idOf(U'\n'), 0);
  } else {
    token = sampler->pick(stepper.current().output);
  }
  writeAt(stepper, position, token);
  return true;
}

// ---- series

QString SeriesTape::entryText(int index) const {
  return index >= 0 && index < length() ? QString::number(value(index), 'g', 17) : QString();
}

std::optional<std::size_t> SeriesTape::assign(std::vector<double> values) {
  const auto bad = std::find_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); });
  if (bad != values.end())
    return std::size_t(bad - values.begin());
  m_values = std::move(values);
  setGiven(m_values.size());
  return std::nullopt;
}

void SeriesTape::read(Stepper &stepper, int index) const {
  const float scaled = float(m_scaling.apply(m_values[std::size_t(index)]));
  stepper.step(std::span<const float>(&scaled, 1));
}

bool SeriesTape::write(Stepper &stepper, Sampler *) {
  // The prediction of the last step becomes the next input, so re-reading the tape later (undo, interventions,
  // other weights) feeds exactly the same numbers. The first step has nothing predicted yet and starts from the
  // tape's first value, or the series mean.
  const int position = stepper.position();
  double value = m_scaling.mean;
  if (position > 0)
    value = m_scaling.invert(double(stepper.current().output[0]));
  else if (!m_values.empty())
    value = m_values.front();
  if (!std::isfinite(value))
    return false;
  m_values.resize(std::size_t(position));
  m_values.push_back(value);
  markWrittenAt(position);
  read(stepper, position);
  return true;
}

double SeriesTape::prediction(const Trace &trace, int step) const {
  if (step < 0 || step >= trace.steps())
    return std::numeric_limits<double>::quiet_NaN();
  const auto predicted = trace.prediction(step);
  return predicted.empty() ? std::numeric_limits<double>::quiet_NaN() : m_scaling.invert(double(predicted[0]));
}

} // namespace lstm
