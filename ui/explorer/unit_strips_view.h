#pragma once
// Many units over the text: under each line of the tape, a thin strip per chosen unit tinted with its value of the
// selected quantity (UnitStripsCanvas draws it), so a class compares, say, a line-position cell and a quote cell
// at a glance. Which units: the ones the other views trace (ExplorerFocus), a list the user types ("25, 3, 1:7"
// for unit 7 of layer 1), or the top N of unit discovery's ranking by a text feature (core/explore/unit_ranking.h,
// the same ranking the unit discovery panel shows for the selected layer and quantity). Exports the view alone as
// PNG, SVG or self-contained HTML (unit_strips_export.h). Refreshes coalesced and not at all while hidden.
// GUI thread.
#include "explore/text_features.h"
#include "unit_strips_canvas.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace lstm {

class RefreshCoalescer;

enum class StripSource { Traced, Chosen, Ranked };

class UnitStripsView : public QWidget {
  Q_OBJECT
public:
  explicit UnitStripsView(ExplorerSession *session, QWidget *parent = nullptr);
  ~UnitStripsView() override;

  UnitStripsCanvas *canvas() const { return m_canvas; }
  const std::vector<UnitStrip> &strips() const { return m_canvas->strips(); }
  StripSource source() const;
  void setSource(StripSource source);
  // The user's units, as typed: "25, 3, 1:7" (layer:unit; a bare number is a unit of the selected layer). False,
  // with the reason in message(), for a bad entry or a unit the model does not have; nothing changes then.
  bool setChosenUnits(const QString &text);
  QString chosenUnitsText() const;
  // Ranked: the `count` units of the selected layer whose selected quantity follows `feature` best.
  void setRanking(TextFeature feature, int count);
  QString message() const; // why no strips are shown, or a bad unit list; empty otherwise

  // Writes the view alone as PNG, SVG or HTML, by the extension of `path`; false with "<path>: <problem>".
  bool exportTo(const QString &path, QString *error);
  void exportWithDialog(); // asks for the path, exports, reports a failure
  static QString exportFilter();
  void refreshNow();

protected:
  void changeEvent(QEvent *event) override;
  void showEvent(QShowEvent *event) override;

private:
  void retranslateUi();
  void requestRefresh();
  void refresh();
  std::vector<UnitStrip> rankedStrips();
  void setMessage(const QString &text);
  void updateControls();

  ExplorerSession *m_session;
  UnitStripsCanvas *m_canvas;
  RefreshCoalescer *m_refresher;
  QLabel *m_showLabel = nullptr;
  QComboBox *m_sourceCombo = nullptr;
  QLineEdit *m_unitsEdit = nullptr;
  QSpinBox *m_countSpin = nullptr;
  QLabel *m_byLabel = nullptr;
  QComboBox *m_featureCombo = nullptr;
  QToolButton *m_exportButton = nullptr;
  QLabel *m_message = nullptr;
  std::vector<UnitStrip> m_chosen;
  QString m_unitsError; // the last refused unit list, until a good one or another source
};

} // namespace lstm
