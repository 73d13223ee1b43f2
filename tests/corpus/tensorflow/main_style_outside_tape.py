# gradrepl-corpus: target=model.trainable_variables cause=outside_tape line=15 symptom=error
import tensorflow as tf


def build_model():
    return tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(8, activation="relu"), tf.keras.layers.Dense(1)])


def main():
    model = build_model()
    opt = tf.keras.optimizers.Adam(1e-3)
    x = tf.random.normal((16, 4))
    y = tf.random.normal((16, 1))
    for epoch in range(2):
        pred = model(x, training=True)
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(pred - y))
        grads = tape.gradient(loss, model.trainable_variables)
        opt.apply_gradients(zip(grads, model.trainable_variables))
        print(epoch, float(loss))


if __name__ == "__main__":
    main()
