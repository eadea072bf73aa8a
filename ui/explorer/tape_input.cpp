#include "tape_input.h"

#include "common/problem_text.h"
#include "explore/forecast.h"
#include "explore/tape.h"

#include <QCoreApplication>

// The sentences keep the session's translation context, where their translations have always been.

namespace lstm {

std::optional<std::vector<std::int32_t>> textInput(const Model *model, const QString &text, QString *error) {
  if (model && isSeriesModel(*model)) {
    *error = QCoreApplication::translate(
        "lstm::ExplorerSession",
        "This model reads a series of numbers, not text: give it a series from the Forecast dock.");
    return std::nullopt;
  }
  if (!model || !model->config.usesTokens()) {
    *error = QCoreApplication::translate("lstm::ExplorerSession", "This model reads numbers, not text.");
    return std::nullopt;
  }
  TextEncoding encoding = encodeText(model->vocabulary, text);
  if (const std::optional<UnknownSymbol> unknown = encoding.unknown) {
    const char32_t symbol = unknown->symbol;
    const QString shown = symbol == U'\n'   ? QStringLiteral("\\n")
                          : symbol == U'\t' ? QStringLiteral("\\t")
                                            : symbolText(symbol);
    *error = QCoreApplication::translate("lstm::ExplorerSession",
                                         "The character '%1' (U+%2) at position %3 is not in the model's vocabulary.")
                 .arg(shown)
                 .arg(uint(symbol), 4, 16, QLatin1Char('0'))
                 .arg(unknown->index + 1);
    return std::nullopt;
  }
  return std::move(encoding.tokens);
}

QString seriesRefusal(const Model *model, const Problem &scalingProblem) {
  if (!model)
    return QCoreApplication::translate("lstm::ExplorerSession", "No model is open.");
  if (!isSeriesModel(*model))
    return model->config.usesTokens()
               ? QCoreApplication::translate("lstm::ExplorerSession", "This model reads text, not a series of numbers.")
               : QCoreApplication::translate(
                     "lstm::ExplorerSession",
                     "This model does not forecast a single series: it needs one input and one predicted value.");
  if (scalingProblem.isSet())
    return QCoreApplication::translate("lstm::ExplorerSession", "Cannot read a series: %1.").arg(problemText(scalingProblem));
  return {};
}

QString notFiniteRefusal(std::size_t index) {
  return QCoreApplication::translate("lstm::ExplorerSession", "Value %1 of the series is not a finite number.")
      .arg(index + 1);
}

} // namespace lstm
