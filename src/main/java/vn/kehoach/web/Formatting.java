package vn.kehoach.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.kehoach.format.Numbers;

/** The Vietnamese number formatter as a bean, so templates print numbers with {@code @numbersVi.format(x)}. */
@Configuration
class Formatting {

    @Bean
    Numbers numbersVi() {
        return Numbers.vi();
    }
}
