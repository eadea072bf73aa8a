#pragma once
// The gate saturation scatter of Karpathy, Johnson & Fei-Fei (2015) with its gate chooser: one dot per unit at
// (fraction of steps its gate is right-saturated > 0.9, fraction left-saturated < 0.1), the selected unit ringed.
// It only shows fractions it is given (UnitDiscoveryPanel computes them); a click on a dot reports that unit.
// GUI thread only.
#include "explore/unit_ranking.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;
class QMouseEvent;

namespace lstm {

class SaturationScatter : public QWidget {
  Q_OBJECT
public:
  explicit SaturationScatter(QWidget *parent = nullptr);

  Quantity gate() const; // the chosen gate: input, forget or output
  // Entry k is unit k (highFraction on x, lowFraction on y); empty: no dots.
  void setFractions(std::vector<UnitScore> fractions);
  const std::vector<UnitScore> &fractions() const { return m_fractions; }
  void showUnit(int unit); // rings the dot of `unit`; −1 or a unit without a dot: none
  void replot(bool immediately = false); // queued unless `immediately` (tests, exports)

Q_SIGNALS:
  void gateChanged();
  void unitClicked(int unit); // the nearest dot within a few pixels of a click

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void onPlotClicked(QMouseEvent *event);

  QLabel *m_label = nullptr;
  QComboBox *m_gateCombo = nullptr;
  QCustomPlot *m_plot = nullptr;
  std::vector<UnitScore> m_fractions; // unit order
};

} // namespace lstm
