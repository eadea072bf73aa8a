#pragma once
// A step axis that counts from 1, as every step number a user reads does (status bar, cell diagram, equations,
// tooltips): the plots keep trace indices as keys (step 1 sits at key 0) and only the ticks and their labels move.
// Ticks land on whole multiples of the fixed ticker's step, in the user's numbering (10, 20 … not 11, 21 …).
// Include from .cpp files only, after common/qcustomplot_include.h.
#include "qcustomplot_include.h"

namespace lstm {

class StepAxisTicker : public QCPAxisTickerFixed {
protected:
  QVector<double> createTickVector(double tickStep, const QCPRange &range) override {
    QVector<double> ticks = QCPAxisTickerFixed::createTickVector(tickStep, QCPRange(range.lower + 1.0, range.upper + 1.0));
    for (double &tick : ticks)
      tick -= 1.0;
    return ticks;
  }
  QString getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision) override {
    return QCPAxisTickerFixed::getTickLabel(tick + 1.0, locale, formatChar, precision);
  }
};

} // namespace lstm
