<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>lstm::ForecastPlot</name>
    <message numerus="yes">
        <location filename="../../ui/forecast/forecast_plot.cpp" line="127"/>
        <source>%n-step forecast (own predictions fed back)</source>
        <translation>
            <numerusform>%n-step forecast (own predictions fed back)</numerusform>
            <numerusform>%n-step forecast (own predictions fed back)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lstm::ForecastView</name>
    <message numerus="yes">
        <location filename="../../ui/forecast/forecast_view.cpp" line="407"/>
        <source>one step ahead over %n points</source>
        <translation>
            <numerusform>one step ahead over %n point</numerusform>
            <numerusform>one step ahead over %n points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/forecast/forecast_view.cpp" line="410"/>
        <source>%n steps from t = %1</source>
        <translation>
            <numerusform>%n step from t = %1</numerusform>
            <numerusform>%n steps from t = %1</numerusform>
        </translation>
    </message>
</context>
</TS>
